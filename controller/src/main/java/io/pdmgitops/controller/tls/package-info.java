/** The web UI's own certificate: created once in the data directory, reused after. */
package io.pdmgitops.controller.tls;
