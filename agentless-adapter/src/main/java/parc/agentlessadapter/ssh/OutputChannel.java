package parc.agentlessadapter.ssh;

/** Which of a remote command's two outputs a line came from. */
public enum OutputChannel {

	STDOUT, STDERR

}
