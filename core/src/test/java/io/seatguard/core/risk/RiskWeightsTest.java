package io.seatguard.core.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * How {@code --risk-weights} text is read. Review findings: the refusal of an unknown name listed the known
 * ones in the hash order of a map, another at each start, and a trailing comma was taken without a word.
 */
class RiskWeightsTest {
    @Test
    void anUnknownNameIsRefusedListingTheSignalsInTheDocumentedOrder() {
        assertThatThrownBy(() -> RiskWeights.parse("no_such_signal=5")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("risk weight 'no_such_signal=5' must be name=points with a name among [concurrent_sessions, impossible_travel,"
                        + " token_mismatch, many_devices, new_device, new_ip, new_country, many_countries, ip_tor, ip_proxy, ip_vpn, ip_hosting,"
                        + " shared_fingerprint, shared_device, high_velocity]");
    }

    @Test
    void anEmptyEntryIsRefusedWhereverItIs() {
        for (String text : new String[] {"new_ip=0,", "new_ip=0,,new_device=5", ",new_ip=0", "new_ip=0, ,new_device=5", "new_ip=0 , "}) {
            assertThatThrownBy(() -> RiskWeights.parse(text)).as(text).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("'" + text.strip() + "' has an empty entry (two commas in a row, or a comma at the start or end): give name=points,"
                            + " comma-separated");
        }
    }

    @Test
    void spacesAroundNamesAndPointsAreDropped() {
        RiskWeights weights = RiskWeights.parse("  new_ip = 0 ,\tnew_device=7 ");
        assertThat(weights.points("new_ip")).isZero();
        assertThat(weights.points("new_device")).isEqualTo(7);
    }

    @Test
    void pointsAreAWholeNumberFrom0To100AndEachNameIsGivenOnce() {
        assertThatThrownBy(() -> RiskWeights.parse("new_ip=-1")).hasMessage("risk weight 'new_ip=-1' must have points from 0 to 100");
        assertThatThrownBy(() -> RiskWeights.parse("new_ip=101")).hasMessage("risk weight 'new_ip=101' must have points from 0 to 100");
        assertThatThrownBy(() -> RiskWeights.parse("new_ip=2.5")).hasMessage("risk weight 'new_ip=2.5' must have whole points from 0 to 100");
        assertThatThrownBy(() -> RiskWeights.parse("new_ip=")).hasMessage("risk weight 'new_ip=' must have whole points from 0 to 100");
        assertThatThrownBy(() -> RiskWeights.parse("new ip=5")).hasMessageStartingWith("risk weight 'new ip=5' must be name=points");
        assertThatThrownBy(() -> RiskWeights.parse("new_ip=1,new_ip=2")).hasMessage("risk weight new_ip is given twice: give each signal once");
        assertThat(RiskWeights.parse("new_ip=0,new_device=100").points("new_device")).isEqualTo(100);
    }
}
