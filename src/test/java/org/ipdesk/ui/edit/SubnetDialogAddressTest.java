package org.ipdesk.ui.edit;

import static org.assertj.core.api.Assertions.assertThat;

import org.ipdesk.store.ContentSnapshot;
import org.ipdesk.ui.SeededSample;
import org.junit.jupiter.api.Test;

/** The subnet dialog gets the parser's refusals of issue 11 (items 2 and 3) at its CIDR field. */
class SubnetDialogAddressTest extends SeededSample {

    private String cidrError(String typed) {
        SubnetDialogViewModel vm = SubnetDialogViewModel.create(() -> allocator, tasks, "dc1", "");
        vm.cidrProperty().set(typed);
        assertThat(vm.canSave()).as(typed).isFalse();
        return vm.cidrErrorProperty().get();
    }

    @Test
    void barePrefixOctalAndSlashZeroAreShownAtTheCidrField() {
        String before = ContentSnapshot.of(database);
        assertThat(cidrError("/24")).isEqualTo("'/24' has no address before the prefix length");
        assertThat(cidrError("/48")).isEqualTo("'/48' has no address before the prefix length");
        assertThat(cidrError("::ffff:010.1.1.0/120")).contains("the IPv4 part has a leading zero (010)");
        assertThat(cidrError("2001:db8::00001/128")).contains("a group has more than four hex digits (00001)");
        assertThat(cidrError("10.1.1.0/0.0.0.255")).contains("0.0.0.255 is not a netmask");
        assertThat(cidrError("0.0.0.0/0")).isEqualTo("'0.0.0.0/0' is /0, the whole address space; give a longer prefix");
        assertThat(ContentSnapshot.of(database)).isEqualTo(before);
    }
}
