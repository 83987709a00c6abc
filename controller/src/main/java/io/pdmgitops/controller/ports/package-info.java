/** Adapters that implement the web layer's ports on the loop, the snapshots and the store. */
package io.pdmgitops.controller.ports;
