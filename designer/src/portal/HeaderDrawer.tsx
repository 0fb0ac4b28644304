// On a phone the top menu folds into a ☰ button that opens the same items in a drawer (antd's horizontal menu
// would otherwise collapse to an overflow icon or vanish); shown by CSS below 768 px only (styles.css).
import { Button, Drawer, Menu, type MenuProps } from 'antd';
import { useState } from 'react';

export default function HeaderDrawer({ items, selected, extra }: { items: MenuProps['items']; selected: string; extra?: MenuProps['items'] }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button className="zc-menu-narrow" type="text" aria-label="菜单" style={{ color: '#fff', fontSize: 20 }} onClick={() => setOpen(true)} data-testid="menu-drawer-button">
        ☰
      </Button>
      <Drawer title="职称申报评审平台" placement="left" width={260} open={open} onClose={() => setOpen(false)} styles={{ body: { padding: 0 } }}>
        <Menu mode="inline" selectedKeys={[selected]} items={[...(items ?? []), ...(extra ?? [])]} onClick={() => setOpen(false)} data-testid="menu-drawer" />
      </Drawer>
    </>
  );
}
