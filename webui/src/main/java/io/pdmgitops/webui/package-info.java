/** The HTTP face: REST API, webhook receiver and server-rendered pages (issue #5). */
package io.pdmgitops.webui;
