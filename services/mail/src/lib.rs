//! Outgoing mail, for every service that writes to people (identity's codes and links, the
//! help desk's notices): SMTP when configured; otherwise each message is written to
//! `<data>/mail/` and logged, so the demo needs no mail server.

use std::path::PathBuf;

use lettre::message::Mailbox;
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

#[derive(Clone)]
pub enum Mailer {
    Folder(PathBuf),
    Smtp { transport: Box<AsyncSmtpTransport<Tokio1Executor>>, from: Mailbox },
}

pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    pub username: Option<String>,
    pub password: Option<String>,
    pub from: String,
}

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("invalid address: {0}")]
    Address(String),
    #[error("building the message: {0}")]
    Build(#[from] lettre::error::Error),
    #[error("SMTP: {0}")]
    Smtp(#[from] lettre::transport::smtp::Error),
    #[error("writing the mail file: {0}")]
    Io(#[from] std::io::Error),
}

impl Mailer {
    pub fn smtp(settings: SmtpSettings) -> Result<Mailer, MailError> {
        let from: Mailbox = settings.from.parse().map_err(|_| MailError::Address(settings.from.clone()))?;
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&settings.host)?.port(settings.port);
        if let (Some(user), Some(password)) = (settings.username, settings.password) {
            builder = builder.credentials(Credentials::new(user, password));
        }
        Ok(Mailer::Smtp { transport: Box::new(builder.build()), from })
    }

    pub async fn send(&self, to: &str, subject: &str, body: &str) -> Result<(), MailError> {
        match self {
            Mailer::Smtp { transport, from } => {
                let to: Mailbox = to.parse().map_err(|_| MailError::Address(to.to_owned()))?;
                let message = Message::builder().from(from.clone()).to(to).subject(subject).body(body.to_owned())?;
                transport.send(message).await?;
                Ok(())
            }
            Mailer::Folder(folder) => {
                tokio::fs::create_dir_all(folder).await?;
                let stamp = time::OffsetDateTime::now_utc().unix_timestamp_nanos();
                let path = folder.join(format!("{stamp}-{}.eml", sanitize(to)));
                let text = format!("To: {to}\nSubject: {subject}\n\n{body}\n");
                tokio::fs::write(&path, text).await?;
                tracing::info!(to, subject, file = %path.display(), "no SMTP configured: mail written to the data folder");
                Ok(())
            }
        }
    }
}

impl Mailer {
    /// Sends without making the caller wait: the answer to the request is the same, and comes
    /// as fast, whether or not a mail went out (no account enumeration by timing). A failure
    /// is logged.
    pub fn send_in_background(&self, to: String, subject: &'static str, body: String) {
        let mailer = self.clone();
        tokio::spawn(async move {
            if let Err(error) = mailer.send(&to, subject, &body).await {
                tracing::error!(%error, subject, "sending mail failed");
            }
        });
    }
}

fn sanitize(address: &str) -> String {
    address.chars().map(|c| if c.is_ascii_alphanumeric() || c == '@' || c == '.' { c } else { '_' }).collect()
}
