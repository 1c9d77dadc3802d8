import { unstableSetRender } from 'antd-mobile';
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import './lib/i18n';
import { Providers } from './app/providers';
import { router } from './app/router';
import './styles.css';

// antd-mobile's Toast and Dialog render outside the tree; React 19 needs createRoot for that.
unstableSetRender((node, container) => {
  const host = container as (Element | DocumentFragment) & { _pdRoot?: Root };
  host._pdRoot ??= createRoot(host);
  const root = host._pdRoot;
  root.render(node);
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    root.unmount();
    host._pdRoot = undefined;
  };
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Providers>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
);
