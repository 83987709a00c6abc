/** The Health page and {@code /api/v1/health}: every finding the overviews draw, with its fix. */
package io.pdmgitops.webui.health;
