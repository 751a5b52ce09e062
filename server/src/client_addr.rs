//! The client's address: what the sign-in and look-up rate limits count and the audit log
//! records. Behind a reverse proxy every request comes from the proxy's socket, so the
//! address the proxy saw is taken from `X-Forwarded-For` — but only when the socket peer is
//! one of the `--trusted-proxies`: anyone else could write any address into that header and
//! get round the limits.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{ConnectInfo, State};
use axum::http::Request;
use axum::middleware::Next;
use axum::response::Response;
use ipnet::IpNet;

/// The address the request is from, as this server decides it; in the request's extensions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientAddr(pub IpAddr);

/// The networks whose `X-Forwarded-For` is believed (`Config::trusted_proxies`).
#[derive(Clone, Debug, Default)]
pub struct TrustedProxies(Arc<[IpNet]>);

impl TrustedProxies {
    pub fn new(networks: &[IpNet]) -> TrustedProxies {
        TrustedProxies(networks.into())
    }

    fn trusts(&self, address: IpAddr) -> bool {
        self.0.iter().any(|network| network.contains(&address))
    }
}

/// Puts the [`ClientAddr`] into the request's extensions. Without a socket address (a router
/// served without connect info) there is none, and the session middleware records "".
pub async fn layer(State(trusted): State<TrustedProxies>, mut request: Request<Body>, next: Next) -> Response {
    if let Some(ConnectInfo(peer)) = request.extensions().get::<ConnectInfo<SocketAddr>>().copied() {
        let forwarded = request.headers().get_all("x-forwarded-for").iter().filter_map(|v| v.to_str().ok());
        let address = client_addr(peer.ip(), forwarded, &trusted);
        request.extensions_mut().insert(ClientAddr(address));
    }
    next.run(request).await
}

/// The socket peer, unless it is a trusted proxy: then `X-Forwarded-For` is walked from the
/// right (each proxy appends the address it saw), past the trusted hops, to the first
/// address no trusted proxy stands for. Every hop trusted: the left-most. A malformed entry
/// ends the walk at the last good hop, since what lies left of it cannot be told apart
/// from what a client wrote.
pub fn client_addr<'a>(
    peer: IpAddr,
    forwarded_for: impl IntoIterator<Item = &'a str>,
    trusted: &TrustedProxies,
) -> IpAddr {
    if !trusted.trusts(peer) {
        return peer;
    }
    // Several X-Forwarded-For headers read as one list, in order.
    let hops: Vec<&str> = forwarded_for.into_iter().flat_map(|header| header.split(',')).collect();
    let mut last_good = peer;
    for hop in hops.iter().rev() {
        let Some(address) = parse_hop(hop) else { return last_good };
        if !trusted.trusts(address) {
            return address;
        }
        last_good = address;
    }
    last_good
}

/// An address as proxies write it: `203.0.113.7`, `2001:db8::1`, and some add a port
/// (`203.0.113.7:4711`, `[2001:db8::1]:4711`).
fn parse_hop(hop: &str) -> Option<IpAddr> {
    let hop = hop.trim();
    hop.parse::<IpAddr>().ok().or_else(|| hop.parse::<SocketAddr>().ok().map(|a| a.ip()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    fn trusted(networks: &[&str]) -> TrustedProxies {
        TrustedProxies::new(&networks.iter().map(|n| n.parse().unwrap()).collect::<Vec<IpNet>>())
    }

    fn walk(peer: &str, headers: &[&str], networks: &[&str]) -> IpAddr {
        client_addr(ip(peer), headers.iter().copied(), &trusted(networks))
    }

    #[test]
    fn without_trusted_proxies_the_socket_address_is_used() {
        assert_eq!(walk("198.51.100.9", &["203.0.113.7"], &[]), ip("198.51.100.9"));
        // A peer outside the list cannot speak for anyone.
        assert_eq!(walk("198.51.100.9", &["203.0.113.7"], &["10.0.0.0/8"]), ip("198.51.100.9"));
    }

    #[test]
    fn a_trusted_proxy_speaks_for_the_client() {
        assert_eq!(walk("10.0.0.2", &["203.0.113.7"], &["10.0.0.0/8"]), ip("203.0.113.7"));
        // No header: the proxy itself is the client (a health check, say).
        assert_eq!(walk("10.0.0.2", &[], &["10.0.0.0/8"]), ip("10.0.0.2"));
    }

    #[test]
    fn the_walk_goes_from_the_right_past_trusted_hops_only() {
        let nets = ["10.0.0.0/8", "127.0.0.1/32"];
        // The client wrote "1.2.3.4" itself; the first proxy saw 203.0.113.7.
        assert_eq!(walk("127.0.0.1", &["1.2.3.4, 203.0.113.7, 10.1.2.3"], &nets), ip("203.0.113.7"));
        // Several headers are one list.
        assert_eq!(walk("127.0.0.1", &["1.2.3.4", "203.0.113.7, 10.1.2.3"], &nets), ip("203.0.113.7"));
        // Every hop trusted: the left-most.
        assert_eq!(walk("127.0.0.1", &["10.9.9.9, 10.1.2.3"], &nets), ip("10.9.9.9"));
    }

    #[test]
    fn a_malformed_entry_ends_the_walk_at_the_last_good_hop() {
        let nets = ["10.0.0.0/8"];
        assert_eq!(walk("10.0.0.1", &["203.0.113.7, bogus, 10.1.2.3"], &nets), ip("10.1.2.3"));
        assert_eq!(walk("10.0.0.1", &["203.0.113.7, "], &nets), ip("10.0.0.1"));
        assert_eq!(walk("10.0.0.1", &["unknown"], &nets), ip("10.0.0.1"));
    }

    #[test]
    fn hops_with_ports_and_ipv6_are_read() {
        let nets = ["10.0.0.0/8", "fd00::/8"];
        assert_eq!(walk("10.0.0.1", &["203.0.113.7:4711"], &nets), ip("203.0.113.7"));
        assert_eq!(walk("fd00::1", &["[2001:db8::1]:4711"], &nets), ip("2001:db8::1"));
        assert_eq!(walk("fd00::1", &[" 2001:db8::2 "], &nets), ip("2001:db8::2"));
    }
}
