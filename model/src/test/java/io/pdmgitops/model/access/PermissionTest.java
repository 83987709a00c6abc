package io.pdmgitops.model.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.model.desired.Role;
import org.junit.jupiter.api.Test;

class PermissionTest {
  @Test
  void eachRoleGrantsItsStepAndTheStepsBelow() {
    assertThat(Permission.of(Role.AUDIT)).containsExactlyInAnyOrder(Permission.READ);
    assertThat(Permission.of(Role.MANAGE))
        .containsExactlyInAnyOrder(Permission.READ, Permission.OPERATE);
    assertThat(Permission.of(Role.ADMIN)).containsExactlyInAnyOrder(Permission.values());
  }

  @Test
  void theLeastRoleOfEachPermission() {
    assertThat(Permission.READ.minimumRole()).isEqualTo(Role.AUDIT);
    assertThat(Permission.OPERATE.minimumRole()).isEqualTo(Role.MANAGE);
    assertThat(Permission.CONFIGURE.minimumRole()).isEqualTo(Role.ADMIN);
    assertThat(Permission.OPERATE.grantedBy(Role.AUDIT)).isFalse();
    assertThat(Permission.CONFIGURE.grantedBy(Role.MANAGE)).isFalse();
  }
}
