-- Mixed load of measurement entry: of every WRITE_EVERY requests one records a value through the API
-- (POST /api/plans/…/measurements, appended to the series' history), the others read the scorecard.
-- Environment: PERFORMA_TOKEN (bearer token of a user who may enter values), PERFORMA_PLAN, WRITE_EVERY.
dofile(os.getenv("PERFORMA_LUA") .. "/report.lua")

local token = os.getenv("PERFORMA_TOKEN")
local plan = os.getenv("PERFORMA_PLAN")
local every = tonumber(os.getenv("WRITE_EVERY") or "5")
local counter = 0

function request()
  counter = counter + 1
  local headers = { ["Authorization"] = "Bearer " .. token }
  if counter % every == 0 then
    headers["Content-Type"] = "application/json"
    local body = string.format('{"indicator":"1.1.2/1","at":"2021-12-31","value":"%d","note":"carico misto"}', 1000 + counter % 900)
    return wrk.format("POST", "/api/plans/" .. plan .. "/measurements", headers, body)
  end
  return wrk.format("GET", "/api/plans/" .. plan .. "/scores", headers)
end
