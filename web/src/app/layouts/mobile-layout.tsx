import { DotLoading } from 'antd-mobile';
import { Suspense } from 'react';
import { Outlet } from 'react-router';

/** Phone pages: one column, at most 480px wide, grey background like the apps people use. */
export function MobileLayout() {
  return (
    <div className="m-shell">
      <Suspense
        fallback={
          <div className="m-loading">
            <DotLoading color="primary" />
          </div>
        }
      >
        <Outlet />
      </Suspense>
    </div>
  );
}
