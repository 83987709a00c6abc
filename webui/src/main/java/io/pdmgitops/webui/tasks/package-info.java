/**
 * Remote tasks across the fleet: the list the controller collects on demand (and caches briefly),
 * its filters, and task logs read from the remote that ran them.
 */
package io.pdmgitops.webui.tasks;
