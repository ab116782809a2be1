-- The end-to-end test of errcodevet lsp in Neovim (0.7+), run by
-- .ci/editors.sh after the configuration of docs/editors.md:
--
--   nvim --headless --clean -u config.lua -c 'luafile e2e.lua' api/api.go
--
-- With the built-in LSP client, it waits for errcodevet's diagnostics,
-- asks for the quick fix of the first one and applies it as a user would
-- (vim.lsp.buf.code_action, the only action chosen), writes the file and
-- waits for the diagnostics of the fixed text. Any failure exits non-zero.

local timeout = 120000 -- ms; a cold analysis type-checks the runtime

local function log(msg)
  io.stderr:write("e2e: " .. msg .. "\n")
end

local function check(cond, msg)
  if not cond then
    error(msg, 2)
  end
end

local function wait(what, cond)
  check(vim.wait(timeout, cond, 50), "timed out waiting for " .. what)
end

local function messages(diags)
  local out = {}
  for _, d in ipairs(diags) do
    table.insert(out, string.format("%d:%d %s %s", d.lnum + 1, d.col + 1, tostring(d.code), d.message))
  end
  return table.concat(out, "; ")
end

local function run()
  local buf = vim.api.nvim_get_current_buf()
  check(vim.bo[buf].filetype == "go", "filetype is " .. vim.bo[buf].filetype .. ", want go")
  wait("the errcodevet client to attach", function()
    for _, client in pairs(vim.lsp.buf_get_clients(buf)) do
      if client.name == "errcodevet" then
        return true
      end
    end
    return false
  end)

  wait("two diagnostics", function()
    return #vim.diagnostic.get(buf) == 2
  end)
  local diags = vim.diagnostic.get(buf)
  log("diagnostics: " .. messages(diags))
  local d
  for _, x in ipairs(diags) do
    if x.message:find("42001", 1, true) then
      d = x
    end
  end
  check(d, "no diagnostic for 42001")
  check(d.source == "errcodevet", "source " .. tostring(d.source))
  check(d.severity == vim.diagnostic.severity.WARN, "severity " .. tostring(d.severity))
  check(d.code == "magic-code", "code " .. tostring(d.code))
  local href = d.user_data.lsp.codeDescription and d.user_data.lsp.codeDescription.href or ""
  check(href:match("#magic%-code$"), "codeDescription.href " .. href)
  -- The line holds an accented letter and an emoji before the literal:
  -- Neovim converts the UTF-16 column to a byte column.
  local line = vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, true)[1]
  check(line:sub(d.col + 1, d.end_col) == "42001", "diagnostic range covers '" .. line:sub(d.col + 1, d.end_col) .. "'")

  -- The quick fix, at the cursor, as a user asks for it.
  vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
  local chosen
  vim.ui.select = function(items, _, on_choice)
    local titles = {}
    for _, item in ipairs(items) do
      table.insert(titles, item[2].title)
    end
    log("code actions: " .. table.concat(titles, "; "))
    check(#items == 1, #items .. " code actions, want 1")
    chosen = items[1][2]
    on_choice(items[1], 1)
  end
  vim.lsp.buf.code_action({ only = { "quickfix" } })
  wait("the code action", function()
    return chosen ~= nil
  end)
  check(chosen.title == "Use wechat.AccessTokenExpired instead of 42001", "title " .. chosen.title)
  check(chosen.kind == "quickfix", "kind " .. tostring(chosen.kind))
  wait("the edit", function()
    local text = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, true), "\n")
    return text:find("wechat.AccessTokenExpired", 1, true) ~= nil
  end)
  vim.cmd("write")

  -- The other finding remains, at its place in the edited text.
  wait("the diagnostics of the fixed text", function()
    local now = vim.diagnostic.get(buf)
    return #now == 1 and now[1].message:find("40001", 1, true) ~= nil
  end)
  log("after the fix: " .. messages(vim.diagnostic.get(buf)))
end

local ok, err = pcall(run)
if not ok then
  log("FAIL: " .. tostring(err))
  vim.cmd("cquit 1")
end
log("ok")
vim.cmd("qall!")
