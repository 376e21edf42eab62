-- Drives a headless Neovim with the README's configuration (nvim-0.7.lua) on the sample
-- project: waits for the server, then asks hover, definition and completion at a ref, and
-- prints what Neovim received. Run by nvim-check.sh.
local out = {}
local function say(s) table.insert(out, s) end
local ok = vim.wait(60000, function() return #vim.lsp.buf_get_clients(0) > 0 end, 100)
say('attached: ' .. tostring(ok))
local line = vim.fn.search("ref('stg_orders')")
local col = vim.fn.col('.') + 6 -- on the name
local params = { textDocument = vim.lsp.util.make_text_document_params(),
  position = { line = line - 1, character = col - 1 } }
local hover
vim.wait(60000, function()
  local r = vim.lsp.buf_request_sync(0, 'textDocument/hover', params, 5000)
  for _, v in pairs(r or {}) do if v.result then hover = v.result end end
  return hover ~= nil
end, 200)
say('hover: ' .. (hover and hover.contents.value:gsub('\n.*', '') or 'none'))
local def = vim.lsp.buf_request_sync(0, 'textDocument/definition', params, 5000)
for _, v in pairs(def or {}) do
  for _, loc in ipairs(v.result or {}) do say('definition: ' .. vim.fn.fnamemodify(vim.uri_to_fname(loc.uri), ':t')) end
end
local comp = vim.lsp.buf_request_sync(0, 'textDocument/completion',
  { textDocument = params.textDocument, position = { line = line - 1, character = col - 1 } }, 5000)
for _, v in pairs(comp or {}) do
  local labels = {}
  for _, item in ipairs(v.result.items or {}) do table.insert(labels, item.label) end
  table.sort(labels)
  say('completion: ' .. table.concat(labels, ' '))
end
vim.fn.writefile(out, os.getenv('OUT'))
vim.cmd('qa!')
