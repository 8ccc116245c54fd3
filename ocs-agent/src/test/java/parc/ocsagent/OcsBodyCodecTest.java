package parc.ocsagent;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OcsBodyCodecTest {

	private final OcsBodyCodec codec = new OcsBodyCodec(1024 * 1024);

	@Test
	void shouldInflateTheCapturedPrologByteForByte() {
		DecodedBody body = this.codec.decode(OcsFixtures.CAPTURED_PROLOG_BODY);

		assertThat(body.format()).isEqualTo(BodyFormat.ZLIB);
		assertThat(body.xml()).isEqualTo(OcsFixtures.resource("prolog-request.xml"));
	}

	@ParameterizedTest
	@EnumSource(BodyFormat.class)
	void shouldReadBackWhatItFramesInEveryFormat(BodyFormat format) {
		byte[] xml = "<REQUEST><QUERY>PROLOG</QUERY></REQUEST>".getBytes(StandardCharsets.UTF_8);

		DecodedBody decoded = this.codec.decode(this.codec.encode(xml, format));

		assertThat(decoded.format()).isEqualTo(format);
		assertThat(decoded.xml()).isEqualTo(xml);
	}

	@Test
	void shouldStopInflatingABombAtTheCap() {
		byte[] bomb = OcsFixtures.zlib(new byte[64 * 1024 * 1024]);
		assertThat(bomb.length).as("a small body").isLessThan(128 * 1024);

		assertThatThrownBy(() -> this.codec.decode(bomb)).isInstanceOfSatisfying(OcsProtocolException.class,
				(ex) -> assertThat(ex.reason()).isEqualTo(OcsProtocolException.Reason.TOO_LARGE));
	}

	@Test
	void shouldRefuseTruncatedAndCorruptZlib() {
		byte[] body = OcsFixtures.zlib(OcsFixtures.resource("inventory-request.xml"));
		byte[] truncated = Arrays.copyOf(body, body.length / 2);
		byte[] corrupt = body.clone();
		for (int i = 10; i < 40; i++) {
			corrupt[i] = (byte) 0xFF;
		}

		for (byte[] broken : new byte[][] { truncated, corrupt, new byte[0] }) {
			assertThatThrownBy(() -> this.codec.decode(broken)).isInstanceOfSatisfying(OcsProtocolException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(OcsProtocolException.Reason.BAD_COMPRESSION));
		}
	}

	@Test
	void shouldRefuseBytesAfterTheEndOfTheZlibStream() {
		byte[] body = OcsFixtures.zlib(OcsFixtures.resource("inventory-request.xml"));
		byte[] withGarbage = Arrays.copyOf(body, body.length + 5);
		withGarbage[body.length] = 'j';

		assertThatThrownBy(() -> this.codec.decode(withGarbage)).isInstanceOfSatisfying(OcsProtocolException.class,
				(ex) -> {
					assertThat(ex.reason()).isEqualTo(OcsProtocolException.Reason.BAD_COMPRESSION);
					assertThat(ex.getMessage()).contains("5 bytes follow the end of the zlib stream");
				});
		assertThat(this.codec.decode(body).xml()).isEqualTo(OcsFixtures.resource("inventory-request.xml"));
	}

	@Test
	void shouldCapPlainBodiesToo() {
		byte[] plain = ("<REQUEST>" + "x".repeat(2 * 1024 * 1024) + "</REQUEST>").getBytes(StandardCharsets.UTF_8);

		assertThatThrownBy(() -> this.codec.decode(plain)).isInstanceOfSatisfying(OcsProtocolException.class,
				(ex) -> assertThat(ex.reason()).isEqualTo(OcsProtocolException.Reason.TOO_LARGE));
	}

}
