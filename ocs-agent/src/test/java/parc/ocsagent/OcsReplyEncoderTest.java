package parc.ocsagent;

import java.util.List;

import org.junit.jupiter.api.Test;

import parc.ocsagent.download.DownloadOption;

import static org.assertj.core.api.Assertions.assertThat;

class OcsReplyEncoderTest {

	private final OcsReplyEncoder replies = new OcsReplyEncoder();

	private final OcsBodyCodec codec = new OcsBodyCodec(1024 * 1024);

	private final OcsXmlReader reader = new OcsXmlReader(1000, 1000);

	@Test
	void shouldWriteExactlyThePrologReplyTheAgentAccepted() {
		byte[] accepted = this.codec.decode(OcsFixtures.ACCEPTED_PROLOG_REPLY).xml();

		assertThat(this.replies.prolog(true, 24)).isEqualTo(accepted);
	}

	@Test
	void shouldOfferPackagesWithDeploymentSwitchedOnAndATimeout() {
		DownloadOption download = new DownloadOption(new DownloadOption.WorkerSettings(1, 2, 3, 10, 30, 120), List.of(
				new DownloadOption.Offer(1700000001L, "127.0.0.1:8443/download", "127.0.0.1:8080/download", false),
				new DownloadOption.Offer(1700000002L, "a&b:1/download", "c:2/download", true)));

		XmlElement reply = this.reader.read(this.replies.prolog(false, 12, download));

		XmlElement option = reply.first("OPTION").orElseThrow();
		assertThat(option.value("NAME")).contains("DOWNLOAD");
		List<XmlElement> params = option.all("PARAM");
		assertThat(params).hasSize(3);
		assertThat(params.get(0).attributes()).containsEntry("TYPE", "CONF")
			.containsEntry("ON", "1")
			.containsEntry("FRAG_LATENCY", "1")
			.containsEntry("CYCLE_LATENCY", "2")
			.containsEntry("PERIOD_LATENCY", "3")
			.containsEntry("PERIOD_LENGTH", "10")
			.containsEntry("TIMEOUT", "30")
			.containsEntry("EXECUTION_TIMEOUT", "120");
		assertThat(params.get(1).attributes()).containsEntry("TYPE", "PACK")
			.containsEntry("ID", "1700000001")
			.containsEntry("INFO_LOC", "127.0.0.1:8443/download")
			.containsEntry("PACK_LOC", "127.0.0.1:8080/download")
			.containsEntry("FORCE", "0");
		assertThat(params.get(2).attributes()).containsEntry("INFO_LOC", "a&b:1/download").containsEntry("FORCE", "1");
		assertThat(reply.value("RESPONSE")).contains("STOP");
	}

	@Test
	void shouldElectTheAgentForIpDiscoveryWithAnAttributeAsThe210AgentNeeds() {
		XmlElement reply = this.reader
			.read(this.replies.prolog(true, 12, null, new IpDiscoverOption("198.51.100.0", 100)));

		XmlElement option = reply.first("OPTION").orElseThrow();
		assertThat(option.value("NAME")).contains("IPDISCOVER");
		XmlElement param = option.first("PARAM").orElseThrow();
		assertThat(param.attributes()).containsEntry("IPDISC_LAT", "100");
		assertThat(param.text()).isEqualTo("198.51.100.0");
		assertThat(reply.value("RESPONSE")).contains("SEND");
	}

	@Test
	void shouldRefuseAnIpDiscoveryOptionThatIsNoSubnetAddress() {
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> new IpDiscoverOption("198.51.100.0/24</PARAM><x>", 100))
			.isInstanceOf(IllegalArgumentException.class);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> new IpDiscoverOption("198.51.100.0", 0))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void shouldSayStopWhenNoInventoryIsWanted() {
		XmlElement reply = this.reader.read(this.replies.prolog(false, 12));

		assertThat(reply.value("RESPONSE")).contains("STOP");
		assertThat(reply.value("PROLOG_FREQ")).contains("12");
	}

	@Test
	void shouldCarryTheCompleteAccountInfoWithTextEscaped() {
		List<AccountInfo> fields = List.of(new AccountInfo("TAG", "Paris & <Lyon>"), new AccountInfo("fields_3", ""));

		XmlElement reply = this.reader.read(this.replies.inventoryAcceptedWithAccountUpdate(fields));

		assertThat(reply.value("RESPONSE")).contains("ACCOUNT_UPDATE");
		assertThat(reply.all("ACCOUNTINFO"))
			.extracting(
					(info) -> new AccountInfo(info.value("KEYNAME").orElseThrow(), info.value("KEYVALUE").orElse("")))
			.containsExactlyElementsOf(fields);
	}

	@Test
	void shouldLeaveAgentFieldsAloneWhenTheyMatch() {
		XmlElement reply = this.reader.read(this.replies.inventoryAccepted());

		assertThat(reply.value("RESPONSE")).contains("NO_ACCOUNT_UPDATE");
		assertThat(reply.all("ACCOUNTINFO")).isEmpty();
	}

	@Test
	void shouldDeclineAgentUpdates() {
		assertThat(this.reader.read(this.replies.noAgentUpdate()).value("RESPONSE")).contains("NO_UPDATE");
	}

}
