-- wrk script: the verifier's queue page, POST /api/verifikasi/antrian, as verif2.sleman (the
-- session from bench/out/verif2.cookie). The JSON body comes from the environment
-- (VERIF_BODY), so one script measures the first page, a deep page and a search.
local cookie = io.open("bench/out/verif2.cookie"):read("*l")
wrk.method = "POST"
wrk.path = "/api/verifikasi/antrian"
wrk.body = os.getenv("VERIF_BODY") or '{"filter":{},"setelah":null}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Cookie"] = cookie

local bad = 0
response = function(status, headers, body)
  if status ~= 200 then
    bad = bad + 1
    if bad == 1 then io.stderr:write("unexpected answer " .. status .. ": " .. body:sub(1, 300) .. "\n") end
  end
end

done = function(summary, latency, requests)
  io.write(string.format("requests/s %.0f  p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  max %.2f ms  errors %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout))
end
