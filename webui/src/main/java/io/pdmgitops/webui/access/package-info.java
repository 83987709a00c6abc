/**
 * Who is asking and what they may see: the caller the controller's security put on the exchange,
 * the route rules every request is checked against (deny by default), and the form token of
 * state-changing requests. The web module knows no login mechanism, only these attributes.
 */
package io.pdmgitops.webui.access;
