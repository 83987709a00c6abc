package io.pdmgitops.reconcilers.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LenientJsonTest {
  record Sample(
      Optional<Boolean> flag, Optional<Integer> vmid, Optional<Double> mhz, List<Double> loadavg) {}

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Perl integers          | {"flag":1,"vmid":100}          | true  | 100
          Rust booleans          | {"flag":false,"vmid":100}      | false | 100
          string one             | {"flag":"1","vmid":"100"}      | true  | 100
          string true            | {"flag":"true","vmid":"101"}   | true  | 101
          zero                   | {"flag":0,"vmid":102}          | false | 102
          """)
  void readsBooleansAndNumbersInEveryShapeServersUse(
      String name, String json, boolean flag, int vmid) {
    Sample sample = LenientJson.MAPPER.readValue(json, Sample.class);

    assertThat(sample.flag()).contains(flag);
    assertThat(sample.vmid()).contains(vmid);
  }

  @org.junit.jupiter.api.Test
  void missingFieldsAreAbsentNotZeroAndUnknownOnesAreIgnored() {
    Sample sample =
        LenientJson.MAPPER.readValue(
            "{\"mhz\":\"3400.000\",\"loadavg\":[\"0.15\",\"0.25\",\"0.30\"],\"new-field\":{}}",
            Sample.class);

    assertThat(sample.flag()).isEmpty();
    assertThat(sample.vmid()).isEmpty();
    assertThat(sample.mhz()).contains(3400.0);
    assertThat(sample.loadavg()).containsExactly(0.15, 0.25, 0.30);
  }
}
