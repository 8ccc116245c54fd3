package parc.agentlessadapter.ssh;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.common.NamedResource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CheapestAlgorithmsFirstTest {

	@Test
	void shouldOfferCurve25519AndAesGcmFirstAndKeepTheOthersForOlderServers() {
		SshClient client = SshClient.setUpDefaultClient();
		int kexCount = client.getKeyExchangeFactories().size();
		int cipherCount = client.getCipherFactories().size();

		SshConnector.offerCheapestFirst(client);

		assertThat(client.getKeyExchangeFactories()).extracting(NamedResource::getName)
			.startsWith("curve25519-sha256", "curve25519-sha256@libssh.org")
			.hasSize(kexCount)
			.doesNotHaveDuplicates();
		assertThat(client.getCipherFactories()).extracting(NamedResource::getName)
			.startsWith("aes128-gcm@openssh.com", "aes256-gcm@openssh.com")
			.contains("chacha20-poly1305@openssh.com", "aes128-ctr")
			.hasSize(cipherCount)
			.doesNotHaveDuplicates();
	}

}
