-- wrk script for the baseline: one PNS row by a random NIP.
local nips = {}
for line in io.lines("bench/out/nips.txt") do nips[#nips + 1] = line end
math.randomseed(os.time())
request = function()
  return wrk.format("GET", "/pns/" .. nips[math.random(#nips)])
end
