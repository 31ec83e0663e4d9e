-- wrk script: POSTs GraphQL request bodies, one JSON document per line of BODIES (env), each with
-- a bearer token drawn at random from TOKENS (env: a file of tokens, one per line: many users, as in
-- production, each with their own rate-limit bucket). Every request takes a line at random (Q3's
-- random IDs). A response counts as an error when its status is not 200 or its body carries GraphQL
-- "errors" or "userErrors" entries; a response refused as UNAVAILABLE (HTTP 503, or an error classified
-- UNAVAILABLE: the server was too busy for it) is counted apart as well, and so is one refused by the
-- rate limit (HTTP 429, THROTTLED). done() prints one JSON line of results.
local bodies_file = os.getenv("BODIES")
local tokens_file = os.getenv("TOKENS")

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  bodies = {}
  for line in io.lines(bodies_file) do
    if #line > 0 then table.insert(bodies, line) end
  end
  tokens = {}
  for line in io.lines(tokens_file) do
    if #line > 0 then table.insert(tokens, line) end
  end
  errors = 0
  unavailable = 0
  throttled = 0
  responses = 0
  sample = ""
  math.randomseed(os.time() + id * 7919)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Accept"] = "application/json"
end

function request()
  local body = bodies[math.random(#bodies)]
  wrk.headers["Authorization"] = "Bearer " .. tokens[math.random(#tokens)]
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  responses = responses + 1
  if status == 503 or string.find(body, '"classification":%s*"UNAVAILABLE"') then
    unavailable = unavailable + 1
  end
  if status == 429 then
    throttled = throttled + 1
  end
  if status ~= 200 or string.find(body, '"errors":%s*%[%s*{') or string.find(body, '"userErrors":%s*%[%s*{') then
    errors = errors + 1
    if #sample == 0 then sample = string.sub(body, 1, 300) end
  end
end

local function json_string(text)
  return '"' .. string.gsub(text, '[%c"\\]', function(c) return c == '"' and "'" or ' ' end) .. '"'
end

function done(summary, latency, requests)
  local errors_total, unavailable_total, throttled_total, responses_total, sample_any = 0, 0, 0, 0, ""
  for _, thread in ipairs(threads) do
    errors_total = errors_total + thread:get("errors")
    unavailable_total = unavailable_total + thread:get("unavailable")
    throttled_total = throttled_total + thread:get("throttled")
    responses_total = responses_total + thread:get("responses")
    local s = thread:get("sample")
    if #sample_any == 0 and s and #s > 0 then sample_any = s end
  end
  local socket_errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format(
    '{"requests":%d,"seconds":%.3f,"rps":%.2f,"p50ms":%.2f,"p90ms":%.2f,"p99ms":%.2f,"maxms":%.2f,"errors":%d,"unavailable":%d,"throttled":%d,"socketErrors":%d,"bytes":%d,"errorSample":%s}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    errors_total, unavailable_total, throttled_total, socket_errors, summary.bytes, json_string(sample_any)))
end
