// The fields of a form as a tree: top-level fields, the fields of groups and the columns of tables, in display order.
import { Empty, Tag, Tree, Typography, type TreeDataNode as DataNode } from 'antd';
import { useEffect, useRef } from 'react';
import './form-builder.css';
import { KIND_LABELS, type FieldNode } from './schema-tree.js';

export const pathKey = (path: readonly string[]): string => JSON.stringify(path);

const KIND_COLORS: Partial<Record<FieldNode['kind'], string>> = { group: 'blue', table: 'purple', enum: 'cyan', date: 'green', other: 'red' };

function toData(nodes: FieldNode[]): DataNode[] {
  return nodes.map((n) => ({
    key: pathKey(n.path),
    title: (
      <span data-testid={`field-${n.path.join('.')}`} className="zc-field-node" title={`${n.title}（${n.key}）`}>
        <span className="zc-field-title">{n.title || <Typography.Text type="warning">（未填标题）</Typography.Text>}</span>
        {n.required && (
          <Typography.Text type="danger" title="必填" style={{ flex: 'none', marginInlineStart: -4 }}>
            *
          </Typography.Text>
        )}
        <span className="zc-field-key">{n.key}</span>
        {n.conditional && (
          <Tag color="gold" data-testid="field-conditional" title={n.conditional === 'show' ? '满足条件时才显示' : '满足条件时须填写'}>
            {n.conditional === 'show' ? '条件显示' : '条件必填'}
          </Tag>
        )}
        <Tag color={KIND_COLORS[n.kind]}>
          {n.kind === 'other' ? '其他' : KIND_LABELS[n.kind]}
        </Tag>
      </span>
    ),
    children: n.children ? toData(n.children) : undefined,
    isLeaf: !n.children,
  }));
}

export default function FieldList({
  nodes,
  selected,
  onSelect,
  expanded,
  onExpand,
}: {
  nodes: FieldNode[];
  selected: readonly string[] | null;
  onSelect: (path: string[] | null) => void;
  expanded: string[];
  onExpand: (keys: string[]) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  // the selected field in view (a new one is added at the bottom of a long list)
  useEffect(() => {
    if (!selected) return;
    const id = `field-${selected.join('.')}`;
    const t = window.setTimeout(() => box.current?.querySelector(`[data-testid="${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'nearest' }), 50);
    return () => window.clearTimeout(t);
  }, [selected]);
  if (nodes.length === 0) return <Empty description="还没有字段，点击“添加字段”开始" />;
  return (
    <div ref={box} data-testid="field-tree" className="zc-field-tree" style={{ maxHeight: 560, overflow: 'auto', border: '1px solid #f0f0f0', borderRadius: 6, padding: 4 }}>
      <Tree
        blockNode
        showLine
        treeData={toData(nodes)}
        selectedKeys={selected ? [pathKey(selected)] : []}
        expandedKeys={expanded}
        onExpand={(keys) => onExpand(keys.map(String))}
        onSelect={(keys) => onSelect(keys.length ? (JSON.parse(String(keys[0])) as string[]) : null)}
      />
    </div>
  );
}
