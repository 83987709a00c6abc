package io.pdmgitops.model.observed;

/**
 * What a guest or node uses of what it has, as {@code /cluster/resources} reports it: CPU as a
 * share of {@code maxcpu} cores (0.25 = a quarter of them), memory and disk in bytes. Zero where
 * the remote reported nothing.
 */
public record ResourceUsage(
    double cpu, double maxcpu, long mem, long maxmem, long disk, long maxdisk) {
  public static final ResourceUsage NONE = new ResourceUsage(0, 0, 0, 0, 0, 0);

  /** Memory in use as a share of the total, 0 when the total is unknown. */
  public double memoryShare() {
    return maxmem <= 0 ? 0 : (double) mem / maxmem;
  }

  public double diskShare() {
    return maxdisk <= 0 ? 0 : (double) disk / maxdisk;
  }
}
