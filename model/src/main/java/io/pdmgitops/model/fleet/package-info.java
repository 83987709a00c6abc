/**
 * The fleet as one table, as PDM shows it: every remote, node, guest, storage and datastore with a
 * global id, plus what only GitOps knows (declared or not, sync status, health). PDM's search
 * syntax and view filters select from it. Pure: built from an inventory and a drift report.
 */
package io.pdmgitops.model.fleet;
