package parc.routes.agentless;

import parc.agentlessadapter.ssh.RemoteSystem;
import parc.agentlessadapter.ssh.SshAuth;
import parc.agentlessadapter.ssh.SshTarget;
import parc.orchestrator.agentless.RemoteTarget;
import parc.orchestrator.credential.CredentialSecret;
import parc.orchestrator.credential.CredentialType;
import parc.orchestrator.machine.OsFamily;

/** A machine as the orchestrator describes it, as the SSH adapter takes it. */
public final class SshTargets {

	private SshTargets() {
	}

	public static SshTarget of(RemoteTarget target) {
		CredentialSecret secret = target.secret();
		SshAuth auth = (secret.type() == CredentialType.SSH_KEY)
				? SshAuth.privateKey(secret.privateKey(), secret.passphrase()) : SshAuth.password(secret.password());
		RemoteSystem system = (target.osFamily() == OsFamily.WINDOWS) ? RemoteSystem.WINDOWS : RemoteSystem.UNIX;
		return new SshTarget(target.host(), target.port(), target.username(), auth, system);
	}

}
