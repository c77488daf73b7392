-- Drives `isolint lsp` from Neovim 0.7 or later (vim.lsp.start_client and buf_attach_client):
-- opens the INF named by INF_PATH, waits for the diagnostics, applies the quick fix of the
-- unused-suppression finding and checks the buffer and the diagnostics after the change.
-- Exits with status 0 when everything holds, 1 (cquit) with a FAIL line on standard error otherwise.
local isolint = os.getenv("ISOLINT")
local path = os.getenv("INF_PATH")

local function fail(message)
  io.stderr:write("FAIL: " .. message .. "\n")
  vim.cmd("cquit 1")
end

local function code(diagnostic)
  return diagnostic.code or (diagnostic.user_data and diagnostic.user_data.lsp and diagnostic.user_data.lsp.code)
end

local function has(buf, wanted)
  for _, diagnostic in ipairs(vim.diagnostic.get(buf)) do
    if code(diagnostic) == wanted then return diagnostic end
  end
  return nil
end

vim.cmd("edit " .. vim.fn.fnameescape(path))
local buf = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = "isolint",
  cmd = { isolint, "lsp" },
  root_dir = vim.fn.fnamemodify(path, ":h"),
})
if not client_id then fail("the client did not start") end
vim.lsp.buf_attach_client(buf, client_id)

if not vim.wait(30000, function() return has(buf, "unused-suppression") ~= nil end, 50) then
  fail("no unused-suppression diagnostic arrived")
end
if not has(buf, "registry-root-not-hkr/1321") then fail("no registry-root-not-hkr/1321 diagnostic") end

local target = has(buf, "unused-suppression")
local client = vim.lsp.get_client_by_id(client_id)
local response = client.request_sync("textDocument/codeAction", {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  range = { start = { line = target.lnum, character = target.col }, ["end"] = { line = target.end_lnum, character = target.end_col } },
  context = { diagnostics = {} },
}, 30000, buf)
if not response or response.err then fail("codeAction failed") end
local action
for _, candidate in ipairs(response.result or {}) do
  if candidate.title == "Remove the suppression comment" then action = candidate end
end
if not action then fail("no 'Remove the suppression comment' quick fix") end
vim.lsp.util.apply_workspace_edit(action.edit, "utf-16")

local line = vim.api.nvim_buf_get_lines(buf, 7, 8, false)[1]
if line ~= "PnpLockdown = 1" then fail("line 8 reads '" .. tostring(line) .. "'") end
if not vim.wait(30000, function() return has(buf, "unused-suppression") == nil end, 50) then
  fail("the unused-suppression diagnostic stayed after the fix")
end
if not has(buf, "registry-root-not-hkr/1321") then fail("the other diagnostics were lost") end

client.stop()
vim.cmd("qall!")
