package parc.ocsagent;

import java.util.List;

import org.junit.jupiter.api.Test;

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
