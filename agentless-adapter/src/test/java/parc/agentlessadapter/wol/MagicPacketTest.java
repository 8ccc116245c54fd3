package parc.agentlessadapter.wol;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MagicPacketTest {

	@Test
	void shouldRepeatMacSixteenTimesAfterSixFfBytes() {
		byte[] packet = MagicPacket.of("aa-bb-cc-dd-ee-01", null).bytes();

		assertThat(packet).hasSize(102);
		assertThat(Arrays.copyOfRange(packet, 0, 6)).containsOnly((byte) 0xFF);
		for (int i = 0; i < 16; i++) {
			assertThat(Arrays.copyOfRange(packet, 6 + i * 6, 12 + i * 6)).containsExactly(0xAA, 0xBB, 0xCC, 0xDD, 0xEE,
					0x01);
		}
	}

	@Test
	void shouldAppendSecureOnPassword() {
		byte[] packet = MagicPacket.of("AA:BB:CC:DD:EE:01", "01:02:03:04:05:06").bytes();

		assertThat(packet).hasSize(108);
		assertThat(Arrays.copyOfRange(packet, 102, 108)).containsExactly(1, 2, 3, 4, 5, 6);
	}

	@Test
	void shouldRefuseWhatIsNotSixBytes() {
		assertThatThrownBy(() -> MagicPacket.of("AA:BB:CC:DD:EE", null)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("MAC address");
		assertThatThrownBy(() -> MagicPacket.of("AA:BB:CC:DD:EE:GG", null))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> MagicPacket.of("AA:BB:CC:DD:EE:01", "secret"))
			.hasMessageContaining("SecureOn password");
	}

}
