/**
 * Node shells on a remote: termproxy's ticket, the websocket to it, and its login line, so the
 * controller can relay a terminal without the browser ever seeing a ticket or token.
 */
package io.pdmgitops.reconcilers.shell;
