/**
 * The fleet table as pages and the API read it: a snapshot per reconcile cycle, and queries with
 * PDM's search syntax, sorting and paging over it.
 */
package io.pdmgitops.webui.fleet;
