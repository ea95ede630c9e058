package org.ipdesk.ui.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kordamp.ikonli.Ikon;

/** One icon per concept: the toolbar's network and subnet buttons use the icons the header's chips use, nothing else. */
class ConceptIconsTest {

    private static final Map<Ikon, List<StandardAction>> ONLY_FOR = Map.of(
            ConceptIcons.NETWORK, List.of(StandardAction.NEW_NETWORK),
            ConceptIcons.SUBNET, List.of(StandardAction.NEW_SUBNET),
            ConceptIcons.GATEWAY, List.of(),
            ConceptIcons.VLAN, List.of(),
            ConceptIcons.RANGE, List.of(StandardAction.NEW_RANGE, StandardAction.MARK_RANGE));

    @Test
    void eachConceptHasItsOwnIcon() {
        assertThat(List.of(ConceptIcons.NETWORK, ConceptIcons.SUBNET, ConceptIcons.GATEWAY, ConceptIcons.VLAN,
                ConceptIcons.RANGE)).doesNotHaveDuplicates();
    }

    @Test
    void theCatalogueUsesAConceptsIconOnlyForThatConcept() {
        assertThat(StandardAction.NEW_NETWORK.icon()).contains(ConceptIcons.NETWORK);
        assertThat(StandardAction.NEW_SUBNET.icon()).contains(ConceptIcons.SUBNET);
        for (StandardAction action : StandardAction.values()) {
            action.icon().filter(ONLY_FOR::containsKey).ifPresent(icon -> assertThat(ONLY_FOR.get(icon))
                    .as(action + " uses the icon of another concept").contains(action));
        }
    }
}
