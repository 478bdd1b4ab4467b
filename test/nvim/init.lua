-- Drives Neovim's built-in LSP client against the bot-ethics server bundle.
-- Environment: BOT_ETHICS_SERVER (dist/server.js), BOT_ETHICS_OUT (result JSON),
-- BOT_ETHICS_FIX_CODE (rule whose first quick fix is applied and saved).
local server = os.getenv('BOT_ETHICS_SERVER')
local out = os.getenv('BOT_ETHICS_OUT')
local fix_code = os.getenv('BOT_ETHICS_FIX_CODE')

local function finish(result, code)
  local f = io.open(out, 'w')
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd(code == 0 and 'qa!' or 'cquit 1')
end

-- what the server sent, before Neovim turns UTF-16 columns into byte columns
local published = {}
local publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
  if params then published[params.uri] = params.diagnostics end
  return publish(err, params, ctx, config)
end

local client_id = vim.lsp.start_client({
  name = 'bot-ethics',
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.getcwd(),
  workspace_folders = { { uri = vim.uri_from_fname(vim.fn.getcwd()), name = 'ws' } },
})

vim.api.nvim_create_autocmd('VimEnter', {
  callback = function()
    local ok, err = pcall(function()
      local buf = vim.api.nvim_get_current_buf()
      vim.lsp.buf_attach_client(buf, client_id)
      local got = vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
      local result = { diagnostics = {}, waited = got }
      -- lnum/col are Neovim's (byte columns); result.lsp holds the server's ranges (UTF-16 columns)
      for _, d in ipairs(vim.diagnostic.get(buf)) do
        table.insert(result.diagnostics, { code = d.code, lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, severity = d.severity, source = d.source, message = d.message })
      end
      result.lsp = {}
      for _, d in ipairs(published[vim.uri_from_bufnr(buf)] or {}) do
        table.insert(result.lsp, { code = d.code, range = d.range })
      end
      if fix_code then
        local target
        for _, d in ipairs(vim.diagnostic.get(buf)) do
          if d.code == fix_code then target = d break end
        end
        if target then
          -- the request `:lua vim.lsp.buf.code_action()` makes with the cursor on the finding
          -- (Neovim 0.7 sends the line's diagnostics with byte columns as characters: the
          -- server must rely on their `data`, not their ranges)
          vim.api.nvim_win_set_cursor(0, { target.lnum + 1, target.col })
          local params = vim.lsp.util.make_range_params()
          params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf, target.lnum) }
          local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 10000) or {}
          -- what the user's menu would list; the preferred fix is the one applied
          result.titles = {}
          local chosen
          for _, resp in pairs(responses) do
            for _, action in ipairs(resp.result or {}) do
              table.insert(result.titles, action.title)
              if action.edit and action.kind == 'quickfix' and (not chosen or (action.isPreferred and not chosen.isPreferred)) then
                chosen = action
              end
            end
          end
          if chosen then
            vim.lsp.util.apply_workspace_edit(chosen.edit, 'utf-16')
            result.applied = chosen.title
          end
          vim.cmd('silent! wall')
          -- the server re-checks the changed buffer: wait for the finding to go
          vim.wait(10000, function()
            for _, d in ipairs(vim.diagnostic.get(buf)) do
              if d.code == fix_code and d.lnum == target.lnum and d.col == target.col then return false end
            end
            return true
          end, 50)
          result.after = {}
          for _, d in ipairs(vim.diagnostic.get(buf)) do
            table.insert(result.after, { code = d.code, lnum = d.lnum, col = d.col })
          end
          result.text = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
        end
      end
      finish(result, 0)
    end)
    if not ok then finish({ error = tostring(err) }, 1) end
  end,
})
