package parc.orchestrator.network;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NetworkRangeTest {

	@ParameterizedTest
	@CsvSource({ "198.51.100.0/24, 198.51.100.0/24, 4, 24", "198.51.100.77/24, 198.51.100.0/24, 4, 24",
			"' 203.0.113.0/25 ', 203.0.113.0/25, 4, 25", "2001:db8:0:0::10/120, 2001:db8::/120, 6, 120" })
	void shouldReadABlockInCanonicalForm(String text, String cidr, int version, int prefix) {
		NetworkRange range = NetworkRange.parse(text);

		assertThat(range.cidr()).isEqualTo(cidr);
		assertThat(range.version()).isEqualTo(version);
		assertThat(range.prefix()).isEqualTo(prefix);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "198.51.100.7", "not a network", "198.51.100.0/33", "300.1.1.0/24" })
	void shouldRefuseWhatIsNotABlock(String text) {
		assertThatThrownBy(() -> NetworkRange.parse(text)).isInstanceOf(InvalidNetworkException.class)
			.hasMessageContaining("is not a network")
			.extracting((ex) -> ((InvalidNetworkException) ex).field())
			.isEqualTo("address");
	}

	@ParameterizedTest
	@CsvSource({ "224.0.0.0/24, multicast", "127.0.0.0/8, loopback", "0.0.0.0/0, every address",
			"0.0.0.0/4, unspecified", "ff02::/120, multicast" })
	void shouldRefuseBlocksNoSweepMayTouch(String text, String reason) {
		assertThatThrownBy(() -> NetworkRange.parse(text)).isInstanceOf(InvalidNetworkException.class)
			.hasMessageContaining(reason);
	}

	@Test
	void shouldSweepEveryHostAddressButTheNetworkAndBroadcastOnes() {
		List<String> swept = new ArrayList<>();
		NetworkRange.parse("198.51.100.0/29").sweptAddresses().forEachRemaining((a) -> swept.add(a.getHostAddress()));

		assertThat(swept).containsExactly("198.51.100.1", "198.51.100.2", "198.51.100.3", "198.51.100.4",
				"198.51.100.5", "198.51.100.6");
		assertThat(NetworkRange.parse("198.51.100.0/29").sweptCount()).isEqualTo(BigInteger.valueOf(6));
		assertThat(NetworkRange.parse("198.51.100.0/22").sweptCount()).isEqualTo(BigInteger.valueOf(1022));
	}

	@Test
	void shouldSweepBothAddressesOfAPointToPointLink() throws Exception {
		List<InetAddress> swept = new ArrayList<>();
		NetworkRange.parse("198.51.100.8/31").sweptAddresses().forEachRemaining(swept::add);

		assertThat(swept).containsExactly(InetAddress.getByName("198.51.100.8"), InetAddress.getByName("198.51.100.9"));
	}

	@Test
	void shouldSweepIpv6OnlyWhenSmall() {
		assertThat(NetworkRange.parse("2001:db8::/120").sweepable()).isTrue();
		assertThat(NetworkRange.parse("2001:db8::/64").sweepable()).isFalse();
		assertThat(NetworkRange.parse("198.51.100.0/16").sweepable()).isTrue();
	}

	@ParameterizedTest
	@CsvSource({ "198.51.100.7, 255.255.255.0, 198.51.100.0/24", "198.51.100.7, 24, 198.51.100.0/24",
			"203.0.113.130, 255.255.255.128, 203.0.113.128/25", "2001:db8::5, 64, 2001:db8::/64" })
	void shouldLearnTheNetworkOfACard(String address, String mask, String cidr) {
		assertThat(NetworkRange.ofCard(address, mask))
			.hasValueSatisfying((range) -> assertThat(range.cidr()).isEqualTo(cidr));
	}

	@ParameterizedTest
	@CsvSource(
			value = { "127.0.0.1, 255.0.0.0", "169.254.3.4, 255.255.0.0", "fe80::1, 64", "198.51.100.7, NULL",
					"198.51.100.7, 255.255.255.255", "garbage, 255.255.255.0", "0.0.0.0, 0.0.0.0" },
			nullValues = "NULL")
	void shouldLearnNothingFromCardsThatSitOnNoNetworkWorthKnowing(String address, String mask) {
		assertThat(NetworkRange.ofCard(address, mask)).isEmpty();
	}

	@Test
	void shouldKnowItsNetworkAndBroadcastAddresses() {
		NetworkRange range = NetworkRange.parse("198.51.100.0/24");

		assertThat(range.isNetworkOrBroadcast("198.51.100.0")).isTrue();
		assertThat(range.isNetworkOrBroadcast("198.51.100.255")).isTrue();
		assertThat(range.isNetworkOrBroadcast("198.51.100.1")).isFalse();
		assertThat(NetworkRange.parse("198.51.100.8/31").isNetworkOrBroadcast("198.51.100.8")).isFalse();
	}

	@Test
	void shouldTellWhetherItHoldsAnAddress() {
		NetworkRange range = NetworkRange.parse("198.51.100.0/24");

		assertThat(range.contains("198.51.100.200")).isTrue();
		assertThat(range.contains("198.51.101.1")).isFalse();
		assertThat(range.contains("nonsense")).isFalse();
	}

}
