-- list.lua makes wrk send the filtered activity lists of the Go load
-- generator (internal/loadtest, Space.ListQuery): always a type, usually a
-- field and a three-month start range, sometimes a side, at varying offsets.
-- The field codes come as the script's arguments:
--
--   wrk -t2 -c64 -d30s --latency -s internal/loadtest/wrk/list.lua \
--       http://127.0.0.1:8080 -- 1 1.1 2 2.3 3.1
--
-- Each wrk thread seeds its own random source from its address, so threads
-- send different sequences.

local types = {"joint_research", "exhibition", "academic_exchange", "forum",
               "training", "enterprise_cooperation", "ceremony", "other"}
local sides = {"CN", "RU"}
local offsets = {0, 0, 0, 50, 100, 200, 500, 1000}
local fields = {}
local months = {}

for m = 0, 21 do
  local y = 2020 + math.floor((2 + m) / 12)
  months[#months + 1] = string.format("%04d-%02d", y, 1 + (2 + m) % 12)
end

function init(args)
  for _, f in ipairs(args) do fields[#fields + 1] = f end
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
end

local function pick(t) return t[math.random(#t)] end

function request()
  local q = "type=" .. pick(types)
  if #fields > 0 and math.random(10) <= 7 then q = q .. "&field=" .. pick(fields) end
  if math.random(2) == 1 then q = q .. "&side=" .. pick(sides) end
  if math.random(10) <= 7 then
    local i = math.random(#months)
    q = q .. "&from=" .. months[i] .. "&to=" .. months[math.min(i + 2, #months)]
  end
  local o = pick(offsets)
  if o > 0 then q = q .. "&offset=" .. o end
  return wrk.format("GET", "/api/v1/activities?" .. q)
end

-- done prints the answers that were not 200, which wrk's summary lumps
-- together as "Non-2xx or 3xx responses".
function done(summary, latency, requests)
  io.write(string.format("errors: connect %d, read %d, write %d, status %d, timeout %d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.status, summary.errors.timeout))
end
