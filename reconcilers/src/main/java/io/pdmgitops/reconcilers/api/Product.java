package io.pdmgitops.reconcilers.api;

/** The two products a remote can be; they differ in auth header, errors and field names. */
public enum Product {
  /** Proxmox VE: {@code PVEAPIToken=id=secret}, JSON errors with reason phrases, 500 default. */
  PVE,
  /** Proxmox Backup Server: {@code PBSAPIToken=id:secret}, plain-text errors, 400 default. */
  PBS
}
