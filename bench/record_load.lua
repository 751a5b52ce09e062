-- wrk script: each request is the server function the form page calls to load the whole record
-- (master, draft, every section, code lists), under a random signed-in PNS session read from
-- bench/out/sessions.txt.
local cookies = {}
for line in io.lines("bench/out/sessions.txt") do cookies[#cookies + 1] = line end
math.randomseed(os.time())
request = function()
  local cookie = cookies[math.random(#cookies)]
  return wrk.format("POST", "/api/pns/formulir",
    { ["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = cookie }, "")
end
