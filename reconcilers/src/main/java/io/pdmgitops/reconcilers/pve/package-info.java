/** The Proxmox VE API client: typed records for exactly the endpoints the controller uses. */
package io.pdmgitops.reconcilers.pve;
