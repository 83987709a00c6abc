/** Server-sent events: pages refresh their regions when the fleet or the repository changes. */
package io.pdmgitops.webui.live;
