package io.pdmgitops.reconcilers.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UpidTest {
  @Test
  void parsesAPveUpidWithItsNineFields() {
    Upid upid =
        Upid.parse("UPID:iaclab-01-01:000029DD:1599528B:6108F068:srvreload:networking:root@pam:")
            .orElseThrow();

    assertThat(upid.product()).isEqualTo(Product.PVE);
    assertThat(upid.node()).isEqualTo("iaclab-01-01");
    assertThat(upid.pid()).isEqualTo(0x29DD);
    assertThat(upid.pstart()).isEqualTo(0x1599528B);
    assertThat(upid.taskId()).isEmpty();
    assertThat(upid.starttime()).isEqualTo(0x6108F068);
    assertThat(upid.type()).isEqualTo("srvreload");
    assertThat(upid.id()).isEqualTo("networking");
    assertThat(upid.user()).isEqualTo("root@pam");
  }

  @Test
  void parsesAPbsUpidWithItsTenFields() {
    Upid upid =
        Upid.parse("UPID:elsa:00004F37:0039E469:00000000:5CA78B83:garbage_collection::root@pam:")
            .orElseThrow();

    assertThat(upid.product()).isEqualTo(Product.PBS);
    assertThat(upid.taskId()).contains(0L);
    assertThat(upid.starttime()).isEqualTo(0x5CA78B83);
    assertThat(upid.type()).isEqualTo("garbage_collection");
    assertThat(upid.id()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "UPID:pve1:0012AB34:0A1B2C3D:66A1B2C3:qmstart:100:root@pam:",
        "UPID:pve1:0012AB34:10A1B2C3D:66A1B2C3:aptupdate::ctl@pve!ctl:",
        "UPID:elsa:00004F37:0039E469:00000000:5CA78B83:garbage_collection::root@pam:",
        "UPID:pbs:000003E8:00000010:0000000A:6543ABCD:verify:store1\\x3avm-100:admin@pbs!tok:"
      })
  void roundTripsExactly(String text) {
    assertThat(Upid.parse(text).map(Upid::toString)).contains(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "UPID:pve1:0012AB34:0A1B2C3D:66A1B2C3:qmstart:100:root@pam",
        "upid:pve1:0012AB34:0A1B2C3D:66A1B2C3:qmstart:100:root@pam:",
        "UPID:pve1:12AB34:0A1B2C3D:66A1B2C3:qmstart:100:root@pam:",
        "VM 100 already running"
      })
  void refusesWhatIsNotAUpid(String text) {
    assertThat(Upid.parse(text)).isEqualTo(Optional.empty());
  }
}
