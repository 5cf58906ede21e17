// Starts `relgraph lsp` for *.ron files and connects VS Code to it over stdio.
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration("relgraph").get("path") || "relgraph";
  const server = { command, args: ["lsp"], transport: TransportKind.stdio };
  client = new LanguageClient("relgraph", "relgraph", server, {
    documentSelector: [{ scheme: "file", language: "relgraph" }],
  });
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
