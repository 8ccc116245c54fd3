package parc.ocsagent;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OcsRequestDecoderTest {

	private final OcsRequestDecoder decoder = OcsRequestDecoder.withDefaultLimits();

	private static byte[] zlib(String xml) {
		return OcsFixtures.zlib(xml.getBytes(StandardCharsets.UTF_8));
	}

	private OcsProtocolException.Reason refusal(byte[] body) {
		try {
			this.decoder.decode(body);
		}
		catch (OcsProtocolException ex) {
			return ex.reason();
		}
		throw new AssertionError("The body was accepted");
	}

	@Test
	void shouldDecodeTheCapturedProlog() {
		ReceivedRequest received = this.decoder.decode(OcsFixtures.CAPTURED_PROLOG_BODY);

		assertThat(received.format()).isEqualTo(BodyFormat.ZLIB);
		assertThat(received.request()).isEqualTo(new OcsRequest.Prolog("vm-2026-11-22-14-34-14"));
	}

	@Test
	void shouldDecodeEverySectionOfTheCapturedInventory() {
		ReceivedRequest received = this.decoder.decode(OcsFixtures.zlib(OcsFixtures.resource("inventory-request.xml")));

		OcsRequest.Inventory inventory = (OcsRequest.Inventory) received.request();
		InventoryContent content = inventory.content();
		assertThat(inventory.deviceId()).isEqualTo("vm-2026-11-22-14-34-14");
		assertThat(content.rows("SOFTWARES")).hasSize(802)
			.allSatisfy((software) -> assertThat(software).containsKey("NAME"));
		assertThat(content.rows("NETWORKS")).hasSize(4)
			.anySatisfy((network) -> assertThat(network).containsKeys("MACADDR", "IPADDRESS", "IPMASK", "IPGATEWAY"));
		assertThat(content.rows("CONTROLLERS")).hasSize(6);
		assertThat(content.rows("LOCAL_USERS")).hasSize(25);
		assertThat(content.rows("BIOS")).containsExactly(Map.of());
		assertThat(content.field("HARDWARE", "CHECKSUM")).contains("1572863");
		assertThat(content.field("HARDWARE", "NAME")).isPresent();
		assertThat(content.tag()).contains("TEST-TAG");
		assertThat(content.accountInfo()).containsExactly(new AccountInfo("TAG", "TEST-TAG"));
		assertThat(content.downloadHistory()).containsExactly("1700000003");
		assertThat(content.sections()).doesNotContainKeys("ACCOUNTINFO", "DOWNLOAD");
	}

	@Test
	void shouldKeepFieldsInDocumentOrderSoTheSameInventoryReadsTheSame() {
		ReceivedRequest received = this.decoder.decode(OcsFixtures.zlib(OcsFixtures.resource("inventory-request.xml")));

		InventoryContent content = ((OcsRequest.Inventory) received.request()).content();
		assertThat(content.rows("SOFTWARES").get(0).keySet()).containsExactly("ARCHITECTURE", "COMMENTS", "FILESIZE",
				"FROM", "INSTALLDATE", "NAME", "VERSION");
	}

	@Test
	void shouldReadTheDownloadReportInAttributeAndElementForms() {
		byte[] attributes = zlib("""
				<REQUEST DEVICEID="vm-2026-11-22-14-26-37" ERR="SUCCESS_3" ID="1700000002" QUERY="DOWNLOAD" />
				""");
		byte[] elements = zlib("""
				<REQUEST><DEVICEID>vm-2026-11-22-14-26-37</DEVICEID><QUERY>DOWNLOAD</QUERY>
				<ID>1700000002</ID><ERR></ERR></REQUEST>""");

		assertThat(this.decoder.decode(attributes).request())
			.isEqualTo(new OcsRequest.DownloadReport("vm-2026-11-22-14-26-37", "1700000002", "SUCCESS_3"));
		assertThat(this.decoder.decode(elements).request())
			.isEqualTo(new OcsRequest.DownloadReport("vm-2026-11-22-14-26-37", "1700000002", "UNKNOWN_CODE"));
	}

	@Test
	void shouldAcceptSnmpUpdateAndNotifyHarmlessly() {
		assertThat(this.decoder.decode(zlib("""
				<REQUEST><DEVICEID>vm-2026-11-22-14-26-37</DEVICEID><QUERY>SNMP</QUERY></REQUEST>""")).request())
			.isEqualTo(new OcsRequest.Snmp("vm-2026-11-22-14-26-37", null));
		assertThat(this.decoder.decode(zlib("""
				<REQUEST><QUERY>UPDATE</QUERY><PLATFORM>WINDOWS</PLATFORM><AGENT>2.10</AGENT></REQUEST>""")).request())
			.isEqualTo(new OcsRequest.Update("WINDOWS", "2.10"));
	}

	@Test
	void shouldAcceptPlainXmlFromAgentsWithoutZlib() {
		ReceivedRequest received = this.decoder.decode(OcsFixtures.resource("prolog-request.xml"));

		assertThat(received.format()).isEqualTo(BodyFormat.PLAIN);
		assertThat(received.request()).isInstanceOf(OcsRequest.Prolog.class);
	}

	@Test
	void shouldRefuseExternalEntities() {
		byte[] xxe = zlib("""
				<?xml version="1.0"?>
				<!DOCTYPE REQUEST [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
				<REQUEST><DEVICEID>&secret;</DEVICEID><QUERY>PROLOG</QUERY></REQUEST>""");

		assertThat(refusal(xxe)).isEqualTo(OcsProtocolException.Reason.BAD_XML);
		assertThatThrownBy(() -> this.decoder.decode(xxe)).hasMessageContaining("DOCTYPE");
	}

	@Test
	void shouldRefuseEntityExpansion() {
		StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
		for (int i = 1; i <= 9; i++) {
			laughs.append("<!ENTITY lol").append(i).append(" \"");
			laughs.append(("&lol" + ((i == 1) ? "" : i - 1) + ";").repeat(10)).append("\">");
		}
		laughs.append("]><REQUEST><DEVICEID>&lol9;</DEVICEID><QUERY>PROLOG</QUERY></REQUEST>");

		assertThat(refusal(zlib(laughs.toString()))).isEqualTo(OcsProtocolException.Reason.BAD_XML);
	}

	@Test
	void shouldRefuseUndeclaredEntitiesAndBrokenXml() {
		assertThat(refusal(zlib("<REQUEST><DEVICEID>&x;</DEVICEID></REQUEST>")))
			.isEqualTo(OcsProtocolException.Reason.BAD_XML);
		assertThat(refusal(zlib("<REQUEST><DEVICEID>a</REQUEST>"))).isEqualTo(OcsProtocolException.Reason.BAD_XML);
		assertThat(refusal(zlib("not xml at all"))).isEqualTo(OcsProtocolException.Reason.BAD_XML);
	}

	@Test
	void shouldRefuseInvalidUtf8() {
		byte[] head = "<REQUEST><DEVICEID>vm-".getBytes(StandardCharsets.UTF_8);
		byte[] tail = "-2026-11-22-14-34-14</DEVICEID><QUERY>PROLOG</QUERY></REQUEST>".getBytes(StandardCharsets.UTF_8);
		byte[] xml = new byte[head.length + 2 + tail.length];
		System.arraycopy(head, 0, xml, 0, head.length);
		xml[head.length] = (byte) 0xC3;
		xml[head.length + 1] = (byte) 0x28;
		System.arraycopy(tail, 0, xml, head.length + 2, tail.length);

		assertThat(refusal(OcsFixtures.zlib(xml))).isEqualTo(OcsProtocolException.Reason.BAD_XML);
	}

	@Test
	void shouldRefuseDeepNesting() {
		String deep = "<A>".repeat(200) + "</A>".repeat(200);

		assertThat(refusal(zlib("<REQUEST>" + deep + "</REQUEST>"))).isEqualTo(OcsProtocolException.Reason.BAD_XML);
	}

	@Test
	void shouldRefuseUnknownQueries() {
		assertThat(refusal(zlib("""
				<REQUEST><DEVICEID>vm-2026-11-22-14-34-14</DEVICEID><QUERY>DROP_TABLES</QUERY></REQUEST>""")))
			.isEqualTo(OcsProtocolException.Reason.UNKNOWN_QUERY);
		assertThat(refusal(zlib("<REQUEST><DEVICEID>vm-2026-11-22-14-34-14</DEVICEID></REQUEST>")))
			.isEqualTo(OcsProtocolException.Reason.BAD_REQUEST);
	}

	@Test
	void shouldRefuseEmptyHugeAndMalformedDeviceIds() {
		for (String deviceId : new String[] { "", "x".repeat(10 * 1024) + "-2026-11-22-14-34-14", "no-date-here",
				"vm-2026-11-22-14-34" }) {
			assertThat(refusal(zlib("<REQUEST><DEVICEID>" + deviceId + "</DEVICEID><QUERY>PROLOG</QUERY></REQUEST>")))
				.as(deviceId.length() > 40 ? "10 KB DEVICEID" : "'" + deviceId + "'")
				.isEqualTo(OcsProtocolException.Reason.BAD_DEVICE_ID);
		}
	}

	@Test
	void shouldRefuseInventoryWithoutContent() {
		assertThat(
				refusal(zlib("<REQUEST><DEVICEID>vm-2026-11-22-14-34-14</DEVICEID><QUERY>INVENTORY</QUERY></REQUEST>")))
			.isEqualTo(OcsProtocolException.Reason.BAD_REQUEST);
	}

	@Test
	void shouldKeepScriptTagsAsPlainTextForTheConsoleToEscape() {
		ReceivedRequest received = this.decoder.decode(zlib("""
				<REQUEST><CONTENT><SOFTWARES><NAME>&lt;script&gt;alert(1)&lt;/script&gt;</NAME></SOFTWARES></CONTENT>
				<DEVICEID>vm-2026-11-22-14-34-14</DEVICEID><QUERY>INVENTORY</QUERY></REQUEST>"""));

		InventoryContent content = ((OcsRequest.Inventory) received.request()).content();
		assertThat(content.rows("SOFTWARES").get(0)).containsEntry("NAME", "<script>alert(1)</script>");
	}

	@Test
	void shouldRemoveControlCharactersThatAnXml11BodyCarries() {
		ReceivedRequest received = this.decoder.decode(zlib("""
				<?xml version="1.1" encoding="UTF-8"?>
				<REQUEST><DEVICEID>x&#1;y-2026-12-05-10-00-00</DEVICEID><QUERY>INVENTORY</QUERY>
				<CONTENT><HARDWARE><NAME>x&#1;y&#27;</NAME><DESCRIPTION>tab&#9;kept</DESCRIPTION></HARDWARE></CONTENT>
				</REQUEST>
				"""));

		OcsRequest.Inventory inventory = (OcsRequest.Inventory) received.request();
		assertThat(inventory.deviceId()).isEqualTo("xy-2026-12-05-10-00-00");
		assertThat(inventory.content().rows("HARDWARE").get(0)).containsEntry("NAME", "xy")
			.containsEntry("DESCRIPTION", "tab\tkept");
	}

	@Test
	void shouldCapElementCount() {
		OcsRequestDecoder small = new OcsRequestDecoder(new OcsBodyCodec(1024 * 1024), new OcsXmlReader(100, 1024));
		String many = "<SOFTWARES><NAME>x</NAME></SOFTWARES>".repeat(100);

		assertThatThrownBy(() -> small.decode(zlib("<REQUEST><CONTENT>" + many + "</CONTENT></REQUEST>")))
			.isInstanceOfSatisfying(OcsProtocolException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(OcsProtocolException.Reason.TOO_LARGE));
	}

	@Test
	void shouldReadTheWindowsInventoryWithRegistryAndSoftwareGuids() {
		InventoryContent content = inventoryOf(OcsFixtures.resource("windows/windows-10-inventory.xml"));

		assertThat(content.field("HARDWARE", "ARCH")).contains("x86 64 bits");
		assertThat(content.field("HARDWARE", "WINPRODKEY")).contains("XXXX-XXXXX-YVC9B-4J6C9-T83GX");
		assertThat(content.rows("SOFTWARES")).hasSize(3)
			.allSatisfy((software) -> assertThat(software).containsKeys("GUID", "BITSWIDTH", "LANGUAGE", "SOURCE"));
		assertThat(content.rows("REGISTRY")).extracting((row) -> row.get("NAME")).containsExactly("Spotify", "Zoom");
		assertThat(content.downloadHistory()).containsExactly("1543231400");
		assertThat(content.oldDeviceId()).isNull();
	}

	@Test
	void shouldReadOldDeviceIdInContentAndWhereTheWindowsAgentWritesItInTheHistory() {
		InventoryContent inHistory = inventoryOf(
				OcsFixtures.resource("windows/windows-new-network-card-inventory.xml"));
		InventoryContent inContent = inventoryOf("""
				<REQUEST><CONTENT><HARDWARE><NAME>pc</NAME></HARDWARE>
				<OLD_DEVICEID>pc-2020-01-01-00-00-00</OLD_DEVICEID></CONTENT>
				<DEVICEID>pc-2026-12-06-00-00-00</DEVICEID><QUERY>INVENTORY</QUERY></REQUEST>"""
			.getBytes(StandardCharsets.UTF_8));

		assertThat(inHistory.oldDeviceId()).isEqualTo("PC0170-2018-11-26-13-02-24");
		assertThat(inHistory.downloadHistory()).isEmpty();
		assertThat(inContent.oldDeviceId()).isEqualTo("pc-2020-01-01-00-00-00");
		assertThat(inContent.sections()).doesNotContainKey("OLD_DEVICEID");
	}

	@Test
	void shouldKeepNestedRepeatedAndTextOnlyFieldsOfOtherAgents() {
		// Shapes FusionInventory 2.6 sends (captured from the Debian package).
		InventoryContent content = inventoryOf("""
				<REQUEST><CONTENT>
				<OPERATINGSYSTEM><FULL_NAME>Debian GNU/Linux 12 (bookworm)</FULL_NAME>
				  <TIMEZONE><NAME>UTC</NAME><OFFSET>+0000</OFFSET></TIMEZONE></OPERATINGSYSTEM>
				<VERSIONPROVIDER><PERL_MODULE>LWP @ 6.68</PERL_MODULE><PERL_MODULE></PERL_MODULE>
				  <PERL_MODULE>Net::SSLeay @ 1.92</PERL_MODULE></VERSIONPROVIDER>
				<VERSIONCLIENT>FusionInventory-Agent_v2.6</VERSIONCLIENT>
				</CONTENT><DEVICEID>vm-2026-12-06-02-14-02</DEVICEID><QUERY>INVENTORY</QUERY></REQUEST>"""
			.getBytes(StandardCharsets.UTF_8));

		assertThat(content.rows("OPERATINGSYSTEM").get(0)).containsEntry("TIMEZONE.NAME", "UTC")
			.containsEntry("TIMEZONE.OFFSET", "+0000")
			.doesNotContainKey("TIMEZONE");
		assertThat(content.field("VERSIONPROVIDER", "PERL_MODULE")).contains("LWP @ 6.68, Net::SSLeay @ 1.92");
		assertThat(content.field("VERSIONCLIENT", "VALUE")).contains("FusionInventory-Agent_v2.6");
	}

	@Test
	void shouldReadTheWindowsDownloadResultGivenPartlyAsAttributes() {
		ReceivedRequest received = this.decoder.decode(
				zlib(new String(OcsFixtures.resource("windows/windows-download-result.xml"), StandardCharsets.UTF_8)));

		assertThat(received.request())
			.isEqualTo(new OcsRequest.DownloadReport("PC0170-2018-11-26-13-02-24", "1543231400", "EXIT_CODE_1603"));
	}

	@Test
	void shouldAcceptDeviceIdsWrittenWithAnotherScriptsDigits() {
		// The Android agent formats the date of its DEVICEID in the phone's locale.
		String arabicDigits = "android-9774d56d682e549c-٢٠٢٦-١٢-٠٦-٠٢-٢١-٣١";

		ReceivedRequest received = this.decoder
			.decode(zlib("<REQUEST><DEVICEID>" + arabicDigits + "</DEVICEID><QUERY>PROLOG</QUERY></REQUEST>"));

		assertThat(received.request()).isEqualTo(new OcsRequest.Prolog(arabicDigits));
	}

	@Test
	void shouldNameTheDeviceIdOfARefusedRequestWhenItCouldBeRead() {
		assertThatThrownBy(() -> this.decoder
			.decode(zlib("<REQUEST><DEVICEID>vm-2026-11-22-14-34-14</DEVICEID><QUERY>INVENTORY</QUERY></REQUEST>")))
			.isInstanceOfSatisfying(OcsProtocolException.class,
					(ex) -> assertThat(ex.deviceId()).contains("vm-2026-11-22-14-34-14"));
		assertThatThrownBy(() -> this.decoder.decode(zlib("<REQUEST><QUERY>PROLOG</QUERY></REQUEST>")))
			.isInstanceOfSatisfying(OcsProtocolException.class, (ex) -> assertThat(ex.deviceId()).isEmpty());
	}

	@Test
	void shouldReadRequestsAndRowsGivenAsAttributes() {
		ReceivedRequest prolog = this.decoder
			.decode(zlib("<REQUEST DEVICEID=\"pc-2026-12-06-00-00-00\" QUERY=\"PROLOG\"/>"));
		InventoryContent inventory = inventoryOf("""
				<REQUEST QUERY="INVENTORY" DEVICEID="pc-2026-12-06-00-00-00"><CONTENT>
				<SOFTWARES NAME="7-Zip" VERSION="23.01"/><SOFTWARES NAME="VLC"><VERSION>3.0.20</VERSION></SOFTWARES>
				</CONTENT></REQUEST>""".getBytes(StandardCharsets.UTF_8));

		assertThat(prolog.request()).isEqualTo(new OcsRequest.Prolog("pc-2026-12-06-00-00-00"));
		assertThat(inventory.rows("SOFTWARES")).containsExactly(Map.of("NAME", "7-Zip", "VERSION", "23.01"),
				Map.of("NAME", "VLC", "VERSION", "3.0.20"));
	}

	private InventoryContent inventoryOf(byte[] xml) {
		return ((OcsRequest.Inventory) this.decoder.decode(OcsFixtures.zlib(xml)).request()).content();
	}

}
