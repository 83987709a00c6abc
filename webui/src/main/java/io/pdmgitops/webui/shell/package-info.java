/**
 * Node shells in the browser: the terminal page, the WebSocket the controller relays to the node's
 * termproxy, and the list of open shells an admin may close (docs/shell.md).
 */
package io.pdmgitops.webui.shell;
