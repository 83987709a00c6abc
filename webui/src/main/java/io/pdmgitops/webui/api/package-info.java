/** The JSON API at /api/v1 and the metrics endpoint, over small ports the controller implements. */
package io.pdmgitops.webui.api;
