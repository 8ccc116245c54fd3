package parc.routes.agentless;

import org.springframework.stereotype.Component;

import parc.agentlessadapter.ssh.InvalidPrivateKeyException;
import parc.agentlessadapter.ssh.PrivateKeyReader;
import parc.orchestrator.credential.InvalidCredentialException;
import parc.orchestrator.credential.PrivateKeyInspector;

/** Reads keys with the SSH adapter, which is what will use them. */
@Component
class MinaPrivateKeyInspector implements PrivateKeyInspector {

	@Override
	public KeyDescription describe(String privateKey, String passphrase) {
		try {
			PrivateKeyReader.KeyDescription key = PrivateKeyReader.describe(privateKey, passphrase);
			return new KeyDescription(key.keyType(), key.fingerprint());
		}
		catch (InvalidPrivateKeyException ex) {
			String field = ex.getMessage().contains("passphrase") ? "passphrase" : "privateKey";
			throw new InvalidCredentialException(field, ex.getMessage());
		}
	}

}
