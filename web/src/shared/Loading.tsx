import { Spin } from 'antd';

/** The spinner shown while a page or the session loads. */
export function Loading() {
  return (
    <div className="boot" role="status" aria-live="polite">
      <Spin />
    </div>
  );
}
