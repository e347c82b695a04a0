/** Tasks run one after the other without the caller waiting; after a failure the rest are skipped and `settled` throws it. */
export class TaskChain {
  private chain: Promise<void> = Promise.resolve();
  private failed = false;
  private failure: unknown = null;

  run(task: () => Promise<void>): void {
    this.chain = this.chain.then(async () => {
      if (this.failed) return;
      await task().catch((err: unknown) => {
        this.failed = true;
        this.failure = err;
      });
    });
  }

  async settled(): Promise<void> {
    await this.chain;
    if (this.failed) throw this.failure;
  }
}
