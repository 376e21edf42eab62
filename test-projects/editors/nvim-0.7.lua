-- dbtls for Neovim 0.7 to 0.10, without plugins: the snippet the README shows, run by
-- test-projects/editors/nvim-check.sh. Set DBTLS to the launcher's path (or edit `cmd`).
local dbtls = os.getenv('DBTLS') or '/path/to/dbtls/dbtls'
local clients = {}
vim.api.nvim_create_autocmd('FileType', {
  pattern = { 'sql', 'yaml', 'markdown' },
  callback = function(args)
    local file = vim.api.nvim_buf_get_name(args.buf)
    local project = vim.fn.findfile('dbt_project.yml', vim.fn.fnamemodify(file, ':p:h') .. ';')
    if project == '' then return end
    local root = vim.fn.fnamemodify(project, ':p:h')
    clients[root] = clients[root] or vim.lsp.start_client({
      name = 'dbtls', cmd = { dbtls, 'lsp' }, root_dir = root,
      settings = { dbtls = { diagnostics = { severity = {} } } },
    })
    vim.lsp.buf_attach_client(args.buf, clients[root])
  end,
})
