-- Drives a headless Neovim with the README's configuration (nvim-0.7.lua) on the sample
-- project, the way a user who types as soon as the file opens would: the moment the client is
-- attached (initialize answered, didOpen sent) it asks completion inside `ref('`, hover and
-- definition on the ref, all at once, without waiting for diagnostics or progress. Each
-- request is asked once: an empty first answer is a failure, not something to retry. Writes
-- what Neovim received to $OUT, one line each, and a `FAIL:` line per broken expectation;
-- exits non-zero (:cquit) when any expectation fails. Run by nvim-check.sh.
local out, failures = {}, 0
local function say(s) table.insert(out, s) end
local function fail(s) failures = failures + 1; say('FAIL: ' .. s) end
local function finish()
  vim.fn.writefile(out, os.getenv('OUT'))
  if failures > 0 then vim.cmd('cquit 1') else vim.cmd('qall!') end
end

-- the models of test-projects/jaffle_shop that a `ref('` in orders.sql must offer
local expected = { 'customers', 'order_payments', 'stg_customers', 'stg_orders', 'stg_payments' }

local start = vim.loop.hrtime()
local function ms() return math.floor((vim.loop.hrtime() - start) / 1e6) end

-- the only wait: until the client is attached (no request can be sent before that)
local attached = vim.wait(60000, function() return next(vim.lsp.buf_get_clients(0)) ~= nil end, 5)
if not attached then
  fail('the dbtls client did not attach within 60 s')
  return finish()
end
say('attached after ' .. ms() .. ' ms')
-- NVIM_CHECK_DELAY_MS (not set by nvim-check.sh): sleep before asking, to tell a failure that
-- comes from asking early (it goes away with a delay) from one that does not
local delay = tonumber(os.getenv('NVIM_CHECK_DELAY_MS') or '0')
if delay > 0 then say('waiting ' .. delay .. ' ms before asking (NVIM_CHECK_DELAY_MS)'); vim.wait(delay) end
start = vim.loop.hrtime()

-- line 11 of orders.sql: `    select * from {{ ref('stg_orders') }}`
local line = vim.fn.search("ref('stg_orders')")
local ref_col = vim.fn.col('.') - 1 -- 0-based column of the `r`
local doc = vim.lsp.util.make_text_document_params()
local inside_ref = { textDocument = doc, position = { line = line - 1, character = ref_col + 5 } } -- just after ref('
local on_name = { textDocument = doc, position = { line = line - 1, character = ref_col + 8 } } -- on stg_orders

local answers = {}
local function ask(method, params)
  vim.lsp.buf_request(0, method, params, function(err, result)
    answers[method] = { err = err, result = result, ms = ms() }
  end)
end
-- completion first: it is the request the issue is about
ask('textDocument/completion', inside_ref)
ask('textDocument/hover', on_name)
ask('textDocument/definition', on_name)
local all = vim.wait(60000, function()
  return answers['textDocument/completion'] and answers['textDocument/hover']
    and answers['textDocument/definition']
end, 5)
if not all then fail('not every request was answered within 60 s') end

local function answer(method)
  local a = answers[method]
  if not a then fail(method .. ': no answer'); return nil end
  if a.err then fail(method .. ': error ' .. vim.inspect(a.err)); return nil end
  return a
end

local c = answer('textDocument/completion')
if c then
  local items = c.result and (c.result.items or c.result) or {}
  local labels, seen = {}, {}
  for _, item in ipairs(items) do table.insert(labels, item.label); seen[item.label] = true end
  table.sort(labels)
  say(string.format('completion (%d ms, %d items%s): %s', c.ms, #labels,
    c.result and c.result.isIncomplete and ', isIncomplete' or '', table.concat(labels, ' ')))
  if #labels == 0 then
    fail("the first completion inside ref(' was empty")
  else
    local missing = {}
    for _, m in ipairs(expected) do if not seen[m] then table.insert(missing, m) end end
    if #missing > 0 then
      fail("the first completion inside ref(' lacks the models " .. table.concat(missing, ' '))
    end
  end
end

local h = answer('textDocument/hover')
if h then
  local value = h.result and h.result.contents and (h.result.contents.value or h.result.contents)
  local first = type(value) == 'string' and value:gsub('\n.*', '') or nil
  say(string.format('hover (%d ms): %s', h.ms, first or 'none'))
  if not first or not first:find('stg_orders', 1, true) then
    fail('the first hover on stg_orders was empty or not about stg_orders')
  end
end

local d = answer('textDocument/definition')
if d then
  local locs = d.result or {}
  if locs.uri or locs.targetUri then locs = { locs } end
  local files = {}
  for _, loc in ipairs(locs) do
    table.insert(files, vim.fn.fnamemodify(vim.uri_to_fname(loc.uri or loc.targetUri), ':t'))
  end
  say(string.format('definition (%d ms): %s', d.ms, #files > 0 and table.concat(files, ' ') or 'none'))
  if not vim.tbl_contains(files, 'stg_orders.sql') then
    fail('the first definition of stg_orders did not lead to stg_orders.sql')
  end
end

finish()
