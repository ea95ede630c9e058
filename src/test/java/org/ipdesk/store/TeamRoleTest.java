package org.ipdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.ipdesk.store.Team.Change;
import org.ipdesk.store.Team.Role;
import org.junit.jupiter.api.Test;

/** What each team role may change, and the words of a change it may not make (the same for the CLI and window). */
class TeamRoleTest {
    @Test
    void eachRoleMayWhatItsGrantsAllow() {
        assertThat(Change.values()).noneMatch(Role.VIEWER::may);
        assertThat(Change.values()).filteredOn(Role.EDITOR::may).containsExactly(Change.ADDRESSES, Change.RANGES);
        assertThat(Change.values()).allMatch(Role.ADMIN::may).allMatch(Role.OWNER::may);
    }

    @Test
    void aRefusalNamesTheUserItsRoleAndWhatItMayNotChange() {
        assertThat(Team.refusal("alice", Optional.of(Role.VIEWER), Change.ADDRESSES))
                .contains("alice is a viewer of this team database: viewers may not change addresses");
        assertThat(Team.refusal("bob", Optional.of(Role.EDITOR), Change.SUBNETS))
                .contains("bob is an editor of this team database: editors may change addresses and ranges, not subnets");
        assertThat(Team.refusal("bob", Optional.of(Role.EDITOR), Change.MEMBERS))
                .contains("bob is an editor of this team database: only its admins and its owner manage the members");
        assertThat(Team.refusal("eve", Optional.empty(), Change.RANGES))
                .contains("eve has no role in this team database: ask its owner or an admin for one (ipdesk team grant"
                        + " eve viewer|editor|admin)");
        assertThat(Team.refusal("bob", Optional.of(Role.EDITOR), Change.RANGES)).isEmpty();
        assertThat(Team.refusal("carol", Optional.of(Role.ADMIN), Change.MEMBERS)).isEmpty();
    }

    @Test
    void onlyViewerEditorAndAdminAreGranted() {
        assertThat(Role.grantable(" Admin ")).isEqualTo(Role.ADMIN);
        assertThatThrownBy(() -> Role.grantable("owner"))
                .hasMessage("'owner' is not a team role; choose viewer, editor or admin");
        assertThatThrownBy(() -> Role.grantable("viewer; DROP TABLE address"))
                .hasMessage("'viewer; DROP TABLE address' is not a team role; choose viewer, editor or admin");
    }
}
