/**
 * Preloaded (--import) into every process the bench starts: if the orchestrator dies without cleaning
 * up (SIGKILL, a crash), the child notices its parent changed and stops itself, so nothing is left
 * holding ports or CPU. It adds one unref'd timer and nothing else.
 */
const parent = process.ppid;
const timer = setInterval(() => {
  if (process.ppid === parent) return;
  clearInterval(timer);
  process.kill(process.pid, 'SIGTERM');
  setTimeout(() => process.exit(1), 5000).unref();
}, 500);
timer.unref();
