package io.pdmgitops.controller.ports;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.reconcilers.pve.RrdPoint;
import io.pdmgitops.webui.api.RrdSeries;
import io.pdmgitops.webui.api.Timeframe;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RRD points become chart columns: one time axis, a column per source, gaps kept as null. */
class RrdColumnsTest {
  @Test
  void missingValuesStayNullAndKnownSourcesComeFirst() {
    RrdSeries series =
        GuestDetailAdapter.series(
            Timeframe.HOUR,
            List.of(
                new RrdPoint(60, Map.of("netin", 5.0, "cpu", 0.5, "maxcpu", 2.0)),
                new RrdPoint(120, Map.of("maxcpu", 2.0, "zfsarc", 1.0)), // stopped: maxima only
                new RrdPoint(180, Map.of("cpu", 0.25, "maxcpu", 2.0))));

    assertThat(series.timeframe()).isEqualTo("hour");
    assertThat(series.time()).containsExactly(60L, 120L, 180L);
    assertThat(series.series().keySet()).containsExactly("cpu", "maxcpu", "netin", "zfsarc");
    assertThat(series.series().get("cpu")).isEqualTo(Arrays.asList(0.5, null, 0.25));
    assertThat(series.series().get("netin")).isEqualTo(Arrays.asList(5.0, null, null));
    assertThat(series.series().get("zfsarc")).isEqualTo(Arrays.asList(null, 1.0, null));
  }

  @Test
  void noPointsNoColumns() {
    RrdSeries series = GuestDetailAdapter.series(Timeframe.DAY, List.of());
    assertThat(series.time()).isEmpty();
    assertThat(series.series()).isEmpty();
  }
}
